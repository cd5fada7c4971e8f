using Chat.Query.Extensions;
using Chat.ServiceDefaults;
using Serilog;

var builder = WebApplication.CreateBuilder(args);
builder.AddChatServiceDefaults();
builder.AddChatReads();
builder.AddChatPipeline();
builder.AddChatGraphQL();

var app = builder.Build();
app.UseSerilogRequestLogging();
app.MapChatDefaultEndpoints();
app.MapChatGraphQL();
app.MapChatDashboard();
app.Run();

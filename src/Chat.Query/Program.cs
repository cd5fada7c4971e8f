using Chat.Query.Extensions;
using Chat.ServiceDefaults;
using Serilog;

var builder = WebApplication.CreateBuilder(args);
builder.AddChatServiceDefaults();
builder.AddChatAccess();
builder.AddChatReads();
builder.AddChatPipeline();
builder.AddChatGraphQL();

var app = builder.Build();
app.UseSerilogRequestLogging();
app.UseChatAccess();
app.MapChatDefaultEndpoints(AccessExtensions.OperatorsPolicy);
app.MapChatGraphQL();
app.MapChatDashboard();
app.Run();

using Chat.Projections.Extensions;
using Chat.ServiceDefaults;

// Keeps the analytics views fresh: a Quartz job per view, on demand over the bus, every refresh
// recorded with Marten. Settings: ConnectionStrings__Chat (as chat_projections), Refresh__*, RabbitMq__*.
var builder = WebApplication.CreateBuilder(args);
builder.AddChatServiceDefaults();
builder.AddChatDataSource("Chat");
builder.AddChatRefreshStatus();
builder.AddChatRefreshJobs();
builder.AddChatRefreshRequests();

var app = builder.Build();
app.MapChatDefaultEndpoints();
app.Run();

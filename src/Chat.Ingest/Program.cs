using Chat.Ingest.Extensions;
using Chat.ServiceDefaults;

// Chat.Ingest: consumes chat messages from RabbitMQ and appends them, exactly once, to the
// messages log; what cannot be stored goes to rejected_messages with the reason.
var builder = WebApplication.CreateBuilder(args);

builder.AddChatServiceDefaults();
builder.AddChatDataSource("Chat", IngestDataSource.Configure);
builder.AddChatIngest();

var app = builder.Build();

app.MapChatDefaultEndpoints();

app.Run();

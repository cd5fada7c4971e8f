using Chat.Query.Access;
using Chat.Query.Reads;
using GraphQL;
using GraphQL.Types;

namespace Chat.Query.GraphQL;

public sealed class MessageGraphType : ObjectGraphType<ChatMessage>
{
    public MessageGraphType()
    {
        Name = "Message";
        Description = "One chat message, as it was published to a room and stored in the event log.";
        // Message content wherever it appears: only for the roles that read messages.
        this.AuthorizeWithRoles(ChatRoles.MessageReaders);
        Field<NonNullGraphType<IdGraphType>>("id").Description("The message's id as the chat server gave it (unique).")
            .Resolve(context => context.Source.Id);
        Field(m => m.RoomId).Description("The room it was posted in.");
        Field(m => m.UserId).Description("The id of the user who posted it.");
        Field(m => m.Username, nullable: true).Description("The user's name when they posted it; null for messages of the old system, which did not keep it.");
        Field(m => m.Content).Description("The text of the message.");
        Field(m => m.Type, nullable: true).Description("The message type as published (TEXT, JOIN, LEAVE, CHAT, ...); null for messages of the old system.");
        Field(m => m.Timestamp).Description("When the chat server received it (the producer's timestamp, UTC, microsecond precision).");
    }
}

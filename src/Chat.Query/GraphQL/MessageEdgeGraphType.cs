using Chat.Query.Reads;
using GraphQL.Types;
using GraphQL.Types.Relay.DataObjects;

namespace Chat.Query.GraphQL;

public sealed class MessageEdgeGraphType : ObjectGraphType<Edge<ChatMessage>>
{
    public MessageEdgeGraphType()
    {
        Name = "MessageEdge";
        Description = "A message in a connection, with the cursor that points just after it.";
        Field<NonNullGraphType<StringGraphType>>("cursor")
            .Description("Pass as 'after' to continue the list after this message. Opaque: do not build or change it.")
            .Resolve(context => context.Source.Cursor);
        Field<NonNullGraphType<MessageGraphType>>("node").Description("The message.")
            .Resolve(context => context.Source.Node);
    }
}

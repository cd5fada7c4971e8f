using Chat.Query.Reads;
using GraphQL.Types;
using GraphQL.Types.Relay;
using GraphQL.Types.Relay.DataObjects;

namespace Chat.Query.GraphQL;

/// <remarks>No totalCount: counting a whole range would cost what the keyset page saves.</remarks>
public sealed class MessageConnectionGraphType : ObjectGraphType<Connection<ChatMessage>>
{
    public MessageConnectionGraphType()
    {
        Name = "MessageConnection";
        Description = "A page of messages, newest first (Relay cursor connection). Continue with 'after: pageInfo.endCursor' while pageInfo.hasNextPage.";
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<MessageEdgeGraphType>>>>("edges")
            .Description("The messages of this page with their cursors, newest first.")
            .Resolve(context => context.Source.Edges);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<MessageGraphType>>>>("nodes")
            .Description("The messages of this page, newest first (the edges' nodes, without cursors).")
            .Resolve(context => context.Source.Items);
        Field<NonNullGraphType<PageInfoType>>("pageInfo").Description("Where this page sits in the whole list.")
            .Resolve(context => context.Source.PageInfo);
    }
}

using Chat.Query.Reads;
using GraphQL.Types.Relay.DataObjects;

namespace Chat.Query.GraphQL;

/// <summary>Turns a keyset page into a Relay connection.</summary>
public static class MessageConnections
{
    public static Connection<ChatMessage> From(MessagePage page, PageRequest request)
    {
        var edges = page.Messages
            .Select(m => new Edge<ChatMessage> { Node = m, Cursor = MessageCursor.Of(m).Encode() })
            .ToList();
        return new Connection<ChatMessage>
        {
            Edges = edges,
            PageInfo = new PageInfo
            {
                HasNextPage = page.HasMore,
                // Messages are never deleted, so a cursor always has messages before it.
                HasPreviousPage = request.After is not null,
                StartCursor = edges.FirstOrDefault()?.Cursor,
                EndCursor = edges.LastOrDefault()?.Cursor,
            },
        };
    }
}

namespace Chat.Contracts;

/// <summary>
/// One chat message as posted in a room: the event Chat.Ingest appends to the <c>messages</c> log.
/// </summary>
/// <remarks>
/// Wire format: a JSON object with these camelCase properties, published to the topic exchange
/// <c>chat.exchange</c> with routing key <c>room.{roomId}</c>. The existing producers' two shapes
/// (see <see cref="ChatMessageWireFormat"/>) and a MassTransit envelope of this record are all
/// accepted. Limits (<see cref="ChatMessageLimits"/>) are those of the <c>messages</c> columns;
/// the content limit of 2,000 UTF-8 bytes keeps every covering-index entry below PostgreSQL's
/// B-tree limit of 2,704 bytes per entry.
/// </remarks>
public sealed record ChatMessagePosted
{
    /// <summary>The producer's id of the message; 1 to 64 characters. Duplicates are stored once.</summary>
    public required string MessageId { get; init; }

    /// <summary>A positive integer (producers send it as a JSON string, e.g. <c>"7"</c>).</summary>
    public required int RoomId { get; init; }

    /// <summary>1 to 64 characters; not necessarily numeric (the load generator sends <c>user_234</c>).</summary>
    public required string UserId { get; init; }

    /// <summary>Up to 64 characters; may be absent.</summary>
    public string? Username { get; init; }

    /// <summary>The text of the message (JSON property <c>message</c>); 1 to 2,000 UTF-8 bytes, no NUL.</summary>
    public required string Message { get; init; }

    /// <summary>When the message was posted, to the microsecond (PostgreSQL's precision).</summary>
    public required DateTimeOffset Timestamp { get; init; }

    /// <summary>Upper-cased type, e.g. <c>TEXT</c>, <c>JOIN</c>, <c>LEAVE</c>, <c>CHAT</c>; up to 32 word characters.</summary>
    public required string MessageType { get; init; }

    /// <summary>The chat server that received the message; up to 128 characters; may be absent.</summary>
    public string? ServerId { get; init; }

    /// <summary>The client's address as the chat server saw it; up to 64 characters; may be absent.</summary>
    public string? ClientIp { get; init; }
}

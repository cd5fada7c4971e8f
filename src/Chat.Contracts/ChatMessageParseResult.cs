namespace Chat.Contracts;

/// <summary>
/// The outcome of reading one delivery: either a valid <see cref="Message"/>, or the
/// <see cref="Reason"/> (a <see cref="RejectionReason"/> code) and a <see cref="Detail"/> for a person.
/// </summary>
public sealed record ChatMessageParseResult
{
    private ChatMessageParseResult()
    {
    }

    public ChatMessagePosted? Message { get; private init; }

    public string? Reason { get; private init; }

    public string? Detail { get; private init; }

    /// <summary>The messageId as given, when one could be read (kept with a rejected message).</summary>
    public string? MessageId { get; private init; }

    public bool IsValid => Message is not null;

    public static ChatMessageParseResult Valid(ChatMessagePosted message) =>
        new() { Message = message, MessageId = message.MessageId };

    public static ChatMessageParseResult Rejected(string reason, string detail, string? messageId = null) =>
        new() { Reason = reason, Detail = detail, MessageId = messageId };
}

namespace Chat.LoadTest.Traffic;

public enum MessageKind
{
    /// <summary>A valid message with an id of its own: must be stored exactly once.</summary>
    Original,

    /// <summary>The id and content of an earlier original again: must not add a row.</summary>
    Duplicate,

    /// <summary>A payload the ingest must put into rejected_messages.</summary>
    Invalid,
}

namespace Chat.Testing;

/// <summary>The roles a test can connect as.</summary>
public enum DatabaseRole
{
    /// <summary>The superuser (set-up and assertions only).</summary>
    Admin,

    /// <summary>chat_ingest: appends to messages and rejected_messages.</summary>
    Ingest,

    /// <summary>chat_projections: reads messages, owns and refreshes the views.</summary>
    Projections,

    /// <summary>chat_query: read-only.</summary>
    Query,
}

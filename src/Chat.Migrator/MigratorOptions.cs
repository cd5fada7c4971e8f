using System.ComponentModel.DataAnnotations;

namespace Chat.Migrator;

/// <summary>Settings of the migrator, bound from the "Migrator" section (env: Migrator__...).</summary>
public sealed class MigratorOptions
{
    public const string Section = "Migrator";

    /// <summary>A connection string of a role that may create the database, roles and objects.</summary>
    [Required]
    public string ConnectionString { get; set; } = "";

    /// <summary>Login passwords to set, by role name (chat_ingest, chat_projections, chat_query).</summary>
    public Dictionary<string, string> RolePasswords { get; set; } = [];
}

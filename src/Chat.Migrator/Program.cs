using Chat.Migrator;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

// Applies schema/ to the database and sets the service roles' passwords, then exits.
// Used by './chat migrate' and by the one-shot migrator container; the tests call SchemaMigrator.
var builder = Host.CreateApplicationBuilder(args);
builder.Logging.AddSimpleConsole(o => o.SingleLine = true);
builder.Services.AddOptions<MigratorOptions>().BindConfiguration(MigratorOptions.Section)
    .ValidateDataAnnotations().ValidateOnStart();
using var host = builder.Build();

var options = host.Services.GetRequiredService<IOptions<MigratorOptions>>().Value;
var logger = host.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Chat.Migrator");
var applied = await SchemaMigrator.MigrateAsync(options.ConnectionString, options.RolePasswords, logger);
logger.LogInformation("Schema is current: {Applied} script(s) applied now, {Roles} role password(s) set",
    applied.Count, options.RolePasswords.Count);

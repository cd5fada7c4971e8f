using Chat.Query.Tests.Fixtures;
using GraphQL;
using GraphQL.Types;
using GraphQL.Utilities;
using Microsoft.Extensions.DependencyInjection;

namespace Chat.Query.Tests;

/// <summary>Every change to the schema is deliberate: the printed SDL must match the approved file.</summary>
public sealed class The_schema_snapshot
{
    private static readonly string Approved = Path.Combine(LocalSettings.RepositoryRoot, "tests", "Chat.Query.Tests", "schema.approved.graphql");

    [Fact]
    public async Task Matches_the_approved_schema()
    {
        // The schema needs no database; the connection string is never opened.
        await using var service = new QueryServiceFactory("Host=127.0.0.1;Database=unused");
        var schema = service.Services.GetRequiredService<ISchema>();
        var printed = schema.Print(new PrintOptions { IncludeDescriptions = true, IncludeDeprecationReasons = true }).ReplaceLineEndings("\n").TrimEnd() + "\n";

        var received = Path.ChangeExtension(Approved, ".received.graphql");
        var approved = File.Exists(Approved) ? await File.ReadAllTextAsync(Approved) : null;
        if (printed == approved?.ReplaceLineEndings("\n"))
        {
            File.Delete(received);
            return;
        }

        await File.WriteAllTextAsync(received, printed);
        Assert.Fail(approved is null
            ? $"There is no approved schema yet. Review {received} and rename it to {Path.GetFileName(Approved)}."
            : $"The schema differs from {Approved}. Compare it with {received}; if the change is deliberate, copy the received file over the approved one and commit it.");
    }
}

using GraphQL;
using GraphQL.Types;

namespace Chat.Query.GraphQL;

/// <summary>
/// Marks the fields whose resolver runs a database statement, so the complexity budget can
/// price them (Query:DatabaseFieldCost each, every alias and repetition counted): one document
/// cannot fan out to hundreds of statements.
/// </summary>
public static class DatabaseFields
{
    private const string MetadataKey = "chat:readsDatabase";

    public static TMetadataWriter ReadsDatabase<TMetadataWriter>(this TMetadataWriter field)
        where TMetadataWriter : IMetadataWriter
    {
        field.Metadata[MetadataKey] = true;
        return field;
    }

    public static bool IsDatabaseField(this FieldType field) => field.GetMetadata(MetadataKey, false);
}

/// <summary>On a type-first field: its resolver runs a database statement (see <see cref="DatabaseFields"/>).</summary>
[AttributeUsage(AttributeTargets.Method | AttributeTargets.Property)]
public sealed class ReadsDatabaseAttribute : GraphQLAttribute
{
    public override void Modify(FieldType fieldType, bool isInputType) => fieldType.ReadsDatabase();
}

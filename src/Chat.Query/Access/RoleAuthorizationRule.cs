using Chat.Query.GraphQL;
using GraphQL;
using GraphQL.Types;
using GraphQL.Validation;
using GraphQLParser.AST;

namespace Chat.Query.Access;

/// <summary>
/// Enforces the roles the schema names on its fields and types (GraphQL.NET's
/// AuthorizeWithRoles metadata) before anything runs: a selected field, or a field whose type,
/// the caller's roles do not include is a FORBIDDEN error at that field. Fragments and aliases
/// are checked like any other selection, and every offending field is reported.
/// </summary>
public sealed class RoleAuthorizationRule : ValidationRuleBase
{
    private static readonly MatchingNodeVisitor<GraphQLField> Visitor = new((node, context) =>
    {
        var field = context.TypeInfo.GetFieldDef();
        if (field is null)
        {
            return;
        }

        var parent = context.TypeInfo.GetParentType()?.GetNamedType();
        var type = field.ResolvedType?.GetNamedType();
        foreach (var (provider, what) in new (IMetadataReader? Provider, string What)[] { (field, "field"), (type, "type") })
        {
            if (provider?.GetRoles() is not { Count: > 0 } roles || roles.Any(role => context.User?.IsInRole(role) == true))
            {
                continue;
            }

            var name = what == "field" ? $"{parent?.Name}.{field.Name}" : type!.Name;
            context.ReportError(new ForbiddenFieldError(context.Document.Source, node,
                $"'{node.Alias?.Name.StringValue ?? field.Name}' is not for your role: the {what} {name} needs one of {string.Join(", ", roles)} (your token has {Describe(context)})."));
            return;
        }
    });

    public override ValueTask<INodeVisitor?> GetPreNodeVisitorAsync(ValidationContext context) => new(Visitor);

    private static string Describe(ValidationContext context)
    {
        var roles = ChatRoles.All.Where(role => context.User?.IsInRole(role) == true).ToList();
        return roles.Count == 0 ? "no role of this service" : string.Join(", ", roles);
    }
}

/// <summary>A field the caller's role may not select.</summary>
public sealed class ForbiddenFieldError : ValidationError
{
    public ForbiddenFieldError(GraphQLParser.ROM source, ASTNode node, string message) : base(source, null, message, node)
    {
        Code = ErrorCodes.Forbidden;
    }
}

using GraphQL.Types;

namespace Chat.Query.GraphQL;

/// <summary>The Long scalar, documented: every count of the API is one (messages outgrow 32 bits in time).</summary>
public sealed class CountGraphType : LongGraphType
{
    public CountGraphType()
    {
        Name = "Long";
        Description = "A 64-bit integer, for counts that can outgrow Int (2^31 - 1). Exact in JSON up to 2^53.";
    }
}

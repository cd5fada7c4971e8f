using System.CommandLine;
using System.Globalization;

namespace Chat.LoadTest.Access;

/// <summary>token: prints a bearer token for Chat.Query, signed with the local key (./chat token).</summary>
public static class TokenCommand
{
    private static readonly string[] Roles = ["viewer", "reader", "operator", "admin"];

    public static Command Create()
    {
        var role = new Option<string>("--role") { Description = "Role(s), comma-separated: viewer, reader, operator, admin.", Required = true };
        var rooms = new Option<string?>("--rooms") { Description = "Limit a reader to these rooms (comma-separated numbers); every room when omitted." };
        var ttl = new Option<string>("--ttl") { Description = "Lifetime: 30m, 1h, 7d (default 1h).", DefaultValueFactory = _ => "1h" };
        var keyFile = new Option<string>("--key-file") { Description = "File holding the base64 signing key (Chat.Query's Access:SigningKey).", Required = true };
        var subject = new Option<string>("--subject") { Description = "The token's subject (who it is for).", DefaultValueFactory = _ => Environment.UserName };
        var command = new Command("token", "Print a bearer token for Chat.Query.") { role, rooms, ttl, keyFile, subject };
        command.SetAction(async (result, cancellationToken) =>
        {
            var roles = result.GetValue(role)!.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            if (roles.Length == 0 || roles.Any(r => !Roles.Contains(r)))
            {
                await Console.Error.WriteLineAsync($"token: --role takes {string.Join(", ", Roles)} (comma-separated)");
                return 2;
            }

            int[]? roomList = null;
            if (result.GetValue(rooms) is { Length: > 0 } roomText)
            {
                try
                {
                    roomList = roomText.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                        .Select(r => int.Parse(r, NumberStyles.None, CultureInfo.InvariantCulture)).ToArray();
                }
                catch (FormatException)
                {
                    await Console.Error.WriteLineAsync("token: --rooms takes room numbers, comma-separated (e.g. 1,2)");
                    return 2;
                }
            }

            if (ParseLifetime(result.GetValue(ttl)!) is not { } lifetime)
            {
                await Console.Error.WriteLineAsync("token: --ttl takes a number with s, m, h or d (e.g. 30m, 1h, 7d)");
                return 2;
            }

            var key = await File.ReadAllTextAsync(result.GetValue(keyFile)!, cancellationToken);
            Console.WriteLine(AccessTokens.Mint(key, roles, roomList, lifetime, result.GetValue(subject)!));
            return 0;
        });
        return command;
    }

    public static TimeSpan? ParseLifetime(string text)
    {
        if (text.Length < 2 || !int.TryParse(text[..^1], NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n <= 0)
        {
            return null;
        }

        return text[^1] switch
        {
            's' => TimeSpan.FromSeconds(n),
            'm' => TimeSpan.FromMinutes(n),
            'h' => TimeSpan.FromHours(n),
            'd' => TimeSpan.FromDays(n),
            _ => null,
        };
    }
}

namespace Chat.System.Tests;

public sealed class The_chat_script
{
    [Fact]
    public async Task Up_twice_in_a_row_succeeds_and_leaves_the_servers_ready()
    {
        var first = await ChatScript.RunAsync(null, TimeSpan.FromMinutes(10), "up");
        var second = await ChatScript.RunAsync(null, TimeSpan.FromMinutes(10), "up");
        var status = await ChatScript.RunAsync(null, TimeSpan.FromMinutes(1), "status");

        Assert.True(first.ExitCode == 0, first.Output);
        Assert.True(second.ExitCode == 0, second.Output);
        Assert.Matches(@"postgres\s+up", status.Output);
        Assert.Matches(@"rabbitmq\s+up", status.Output);
    }
}

using System.CommandLine;
using Chat.LoadTest.Access;
using Chat.LoadTest.Demo;
using Chat.LoadTest.Profiles;
using Chat.LoadTest.Reporting;
using Chat.LoadTest.Seeding;

var root = new RootCommand("Load tools of the chat persistence platform (run through ./chat).")
{
    SeedDataCommand.Create(),
    LoadCommand.Create(),
    ReportCommand.Create(),
    DemoSummaryCommand.Create(),
    TokenCommand.Create(),
};
return await root.Parse(args).InvokeAsync();

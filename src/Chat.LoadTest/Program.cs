using System.CommandLine;
using Chat.LoadTest.Seeding;

var root = new RootCommand("Load tools of the chat persistence platform (run through ./chat).")
{
    SeedDataCommand.Create(),
};
return await root.Parse(args).InvokeAsync();

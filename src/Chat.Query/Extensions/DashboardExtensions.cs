using Chat.Query.Http;

namespace Chat.Query.Extensions;

public static class DashboardExtensions
{
    /// <summary>
    /// The live dashboard at / (a page bundled from Dashboard/ into wwwroot/dashboard). It reads
    /// everything through /graphql, like any other client; it has no endpoint of its own.
    /// </summary>
    public static WebApplication MapChatDashboard(this WebApplication app)
    {
        var page = new BundledPage(app.Environment, BundledPage.Dashboard);
        app.MapGet("/", page.WriteAsync);
        return app;
    }
}

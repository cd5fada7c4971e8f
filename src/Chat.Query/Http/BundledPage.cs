namespace Chat.Query.Http;

/// <summary>
/// A page bundled by one of the project's npm builds into wwwroot/&lt;bundle&gt; (the explorer,
/// the dashboard): its index.html, served at its route; its scripts and styles are static files.
/// </summary>
public sealed class BundledPage(IWebHostEnvironment environment, string bundle)
{
    public const string Explorer = "explorer";
    public const string Dashboard = "dashboard";

    public async Task WriteAsync(HttpContext context)
    {
        var page = environment.WebRootFileProvider.GetFileInfo($"{bundle}/index.html");
        if (!page.Exists)
        {
            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            context.Response.ContentType = "text/plain; charset=utf-8";
            await context.Response.WriteAsync(
                $"The {bundle} is not built: build src/Chat.Query (dotnet build runs its npm build).", context.RequestAborted);
            return;
        }

        context.Response.ContentType = "text/html; charset=utf-8";
        context.Response.Headers.CacheControl = "no-cache";
        context.Response.Headers.Vary = "Accept";
        await context.Response.SendFileAsync(page, context.RequestAborted);
    }
}

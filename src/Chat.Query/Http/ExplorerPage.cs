namespace Chat.Query.Http;

/// <summary>
/// The GraphiQL explorer's page, bundled by the npm build in Explorer/ into
/// wwwroot/explorer (its scripts and styles are served from there as static files).
/// </summary>
public sealed class ExplorerPage(IWebHostEnvironment environment)
{
    public const string AssetsPath = "/explorer";

    public async Task WriteAsync(HttpContext context)
    {
        var page = environment.WebRootFileProvider.GetFileInfo("explorer/index.html");
        if (!page.Exists)
        {
            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            context.Response.ContentType = "text/plain; charset=utf-8";
            await context.Response.WriteAsync(
                "The explorer is not built: build src/Chat.Query (dotnet build runs its npm build).", context.RequestAborted);
            return;
        }

        context.Response.ContentType = "text/html; charset=utf-8";
        context.Response.Headers.CacheControl = "no-cache";
        context.Response.Headers.Vary = "Accept";
        await context.Response.SendFileAsync(page, context.RequestAborted);
    }
}

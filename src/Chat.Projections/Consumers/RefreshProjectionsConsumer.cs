using Chat.Contracts.Projections;
using Chat.Projections.Jobs;
using Chat.Projections.Refresh;
using MassTransit;

namespace Chat.Projections.Consumers;

/// <summary>
/// Triggers the refresh jobs of the requested views now. A request naming an unknown view is
/// refused whole, so it lands in the error queue with the reason instead of half-done.
/// </summary>
public sealed class RefreshProjectionsConsumer(RefreshRequests requests) : IConsumer<RefreshProjections>
{
    public async Task Consume(ConsumeContext<RefreshProjections> context)
    {
        foreach (var view in ViewsOf(context.Message))
        {
            await requests.RequestAsync(view, context.CancellationToken);
        }
    }

    private static IReadOnlyList<ProjectedView> ViewsOf(RefreshProjections request)
    {
        if (request.Views is not { Count: > 0 } names)
        {
            return ProjectedView.All;
        }

        var unknown = names.Where(n => ProjectedView.Find(n ?? "") is null).ToList();
        if (unknown.Count > 0)
        {
            throw new ArgumentException(
                $"Unknown view(s) {string.Join(", ", unknown.Select(n => $"'{n}'"))}; the views are " +
                $"{string.Join(", ", ProjectedView.All)}. Nothing was refreshed.", nameof(request));
        }

        return [.. names.Select(n => ProjectedView.Find(n)!).Distinct()];
    }
}

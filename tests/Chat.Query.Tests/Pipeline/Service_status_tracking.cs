using Chat.Query.Pipeline;

namespace Chat.Query.Tests.Pipeline;

public sealed class Service_status_tracking
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 5, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Since_is_when_the_state_changed_not_when_it_was_last_checked()
    {
        var tracker = new ServiceStatusTracker("Chat.Ingest", PipelineServiceKind.Ingest, new Uri("http://127.0.0.1:5000/"));
        Assert.Equal(PipelineServiceState.Unknown, tracker.Status.State);

        tracker.Observe(ServiceCheck.Up, T0);
        tracker.Observe(ServiceCheck.Up, T0.AddSeconds(2));
        tracker.Observe(new ServiceCheck(PipelineServiceState.Down, "connection refused"), T0.AddSeconds(4));
        tracker.Observe(new ServiceCheck(PipelineServiceState.Down, "connection refused"), T0.AddSeconds(6));

        var status = tracker.Status;
        Assert.Equal(PipelineServiceState.Down, status.State);
        Assert.Equal(T0.AddSeconds(4), status.Since);
        Assert.Equal(T0.AddSeconds(6), status.LastCheckedAt);
        Assert.Equal("connection refused", status.LastError);
    }

    [Fact]
    public void The_last_error_stays_after_the_service_recovers()
    {
        var tracker = new ServiceStatusTracker("Chat.Projections", PipelineServiceKind.Projections, new Uri("http://127.0.0.1:5001/"));
        tracker.Observe(new ServiceCheck(PipelineServiceState.NotReady, "postgres: PostgreSQL does not answer"), T0);

        tracker.Observe(ServiceCheck.Up, T0.AddSeconds(2));

        var status = tracker.Status;
        Assert.Equal((PipelineServiceState.Up, T0.AddSeconds(2)), (status.State, status.Since));
        Assert.Equal(("postgres: PostgreSQL does not answer", T0), (status.LastError, status.LastErrorAt));
    }
}

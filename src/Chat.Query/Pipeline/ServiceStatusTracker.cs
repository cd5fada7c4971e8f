namespace Chat.Query.Pipeline;

/// <summary>
/// The state of one service instance over successive checks: "since" moves only when the state
/// changes, so a service that is down shows when it went down, not when it was last checked.
/// </summary>
public sealed class ServiceStatusTracker(string name, PipelineServiceKind kind, Uri address)
{
    private readonly Lock _lock = new();
    private ServiceStatus _status = new(name, kind, address, PipelineServiceState.Unknown, null, null, null, null);

    public string Name => name;

    public PipelineServiceKind Kind => kind;

    public Uri Address => address;

    public ServiceStatus Status
    {
        get
        {
            lock (_lock)
            {
                return _status;
            }
        }
    }

    public void Observe(ServiceCheck check, DateTimeOffset at)
    {
        lock (_lock)
        {
            var changed = check.State != _status.State;
            _status = _status with
            {
                State = check.State,
                Since = changed ? at : _status.Since,
                LastCheckedAt = at,
                LastError = check.Error ?? _status.LastError,
                LastErrorAt = check.Error is null ? _status.LastErrorAt : at,
            };
        }
    }
}

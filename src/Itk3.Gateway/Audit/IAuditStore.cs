namespace Itk3.Gateway.Audit;

/// <summary>The audit side of a unit of work: operator actions are recorded atomically with the change they make.</summary>
public interface IAuditStore
{
    /// <summary>Appends an event.</summary>
    Task AppendAsync(AuditEvent auditEvent, CancellationToken cancellationToken);
}

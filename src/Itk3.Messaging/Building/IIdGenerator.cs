namespace Itk3.Messaging.Building;

/// <summary>Produces the ids of built messages (Bundle.id, identifiers, resource ids): lower-case UUID text.</summary>
public interface IIdGenerator
{
    /// <summary>A new, unique id.</summary>
    string NewId();
}

namespace Itk3.Gateway.Hosting;

/// <summary>Whether the last MESH call of any loop succeeded.</summary>
internal sealed class MeshHealth
{
    private volatile bool _reachable = true;

    /// <summary>Whether MESH answered last time.</summary>
    public bool IsReachable => _reachable;

    /// <summary>Records a successful call.</summary>
    public void Succeeded() => _reachable = true;

    /// <summary>Records a failure to reach MESH.</summary>
    public void Failed() => _reachable = false;
}

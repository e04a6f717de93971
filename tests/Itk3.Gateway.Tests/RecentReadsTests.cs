using System.Text;
using Itk3.Gateway.Inbound;
using Itk3.Messaging.Reading;

namespace Itk3.Gateway.Tests;

public sealed class RecentReadsTests
{
    private static readonly ReadOutcome Read = ItkMessageReader.Read(Encoding.UTF8.GetBytes("not FHIR"));

    [Fact]
    public void Forgets_the_oldest_read_once_over_capacity()
    {
        var reads = new RecentReads(capacity: 2);
        reads.Add("a", Read);
        reads.Add("b", Read);
        reads.Add("c", Read);

        Assert.Null(reads.Find("a"));
        Assert.Same(Read, reads.Find("B"));
        Assert.Same(Read, reads.Find("c"));
    }

    [Fact]
    public void Forgotten_read_is_no_longer_found()
    {
        var reads = new RecentReads();
        reads.Add("a", Read);

        reads.Forget("A");

        Assert.Null(reads.Find("a"));
    }
}

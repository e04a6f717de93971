using Itk3.Mesh.Authentication;

namespace Itk3.Mesh.Tests.Authentication;

public sealed class MeshTokenTests
{
    private static readonly DateTimeOffset May1st1230 = new(2024, 5, 1, 12, 30, 0, TimeSpan.Zero);

    [Fact]
    public void Reproduces_the_worked_example_header_byte_for_byte()
    {
        var header = MeshToken.Create("X26ABC1", "password", "TestKey", "2c001608-5f09-4840-9611-bea43e666a30", 1, May1st1230).ToString();

        Assert.Equal(
            "NHSMESH X26ABC1:2c001608-5f09-4840-9611-bea43e666a30:1:202405011230:1712a1218cb4430b8463ea48b0631d0463197361e3908bf0d4fa0ff8971c2f0b",
            header);
    }

    [Theory]
    [InlineData("TestKey", "X26HC005", "1c820cd4-be3e-43ff-807f-e65362892722", "0", "202006041718",
        "810c161424ec5ad29a5c12afb797d6d96b418665e9993492ce469a2ea256e877")]
    [InlineData("BackBone", "X26ABC1", "2c001608-5f09-4840-9611-bea43e666a30", "1", "202405011230",
        "b2f44e80434b0aff46775145de3714f74747a602aaf2a878b64975c07806a924")]
    public void Computes_the_spec_hmac_vectors(string key, string mailbox, string nonce, string count, string ts, string hash)
    {
        Assert.Equal(hash, MeshToken.ComputeHash(key, mailbox, nonce, count, "password", ts));
    }

    [Fact]
    public void Puts_the_timestamp_fourth_in_the_header_and_never_the_password()
    {
        var header = MeshToken.Create("X26ABC1", "s3cret-pw", "TestKey", "n", 7, new DateTimeOffset(2024, 5, 1, 13, 30, 59, TimeSpan.FromHours(1))).ToString();

        var parts = header["NHSMESH ".Length..].Split(':');
        Assert.Equal(["X26ABC1", "n", "7", "202405011230"], parts[..4]);
        Assert.Equal(64, parts[4].Length);
        Assert.DoesNotContain("s3cret-pw", header);
    }
}

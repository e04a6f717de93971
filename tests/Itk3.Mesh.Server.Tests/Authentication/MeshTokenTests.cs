using Itk3.Mesh.Authentication;

namespace Itk3.Mesh.Server.Tests.Authentication;

public sealed class MeshTokenTests
{
    private static readonly DateTimeOffset MainTime = new(2024, 5, 1, 12, 30, 0, TimeSpan.Zero);

    [Fact]
    public void Reproduces_the_main_worked_example_header()
    {
        var token = MeshToken.Create("X26ABC1", "password", "TestKey", "2c001608-5f09-4840-9611-bea43e666a30", 1, MainTime);

        Assert.Equal(
            "NHSMESH X26ABC1:2c001608-5f09-4840-9611-bea43e666a30:1:202405011230:1712a1218cb4430b8463ea48b0631d0463197361e3908bf0d4fa0ff8971c2f0b",
            token.ToString());
    }

    [Fact]
    public void Reproduces_the_X26HC005_vector()
    {
        var hash = MeshToken.ComputeHash("TestKey", "X26HC005", "1c820cd4-be3e-43ff-807f-e65362892722", "0", "password", "202006041718");

        Assert.Equal("810c161424ec5ad29a5c12afb797d6d96b418665e9993492ce469a2ea256e877", hash);
    }

    [Fact]
    public void Reproduces_the_BackBone_key_vector()
    {
        var token = MeshToken.Create("X26ABC1", "password", "BackBone", "2c001608-5f09-4840-9611-bea43e666a30", 1, MainTime);

        Assert.Equal("b2f44e80434b0aff46775145de3714f74747a602aaf2a878b64975c07806a924", token.Hash);
    }

    [Fact]
    public void Formats_the_timestamp_in_utc_whatever_the_offset()
    {
        var local = new DateTimeOffset(2024, 5, 1, 14, 30, 59, TimeSpan.FromHours(2));

        Assert.Equal("202405011230", MeshToken.FormatTimestamp(local));
    }

    [Fact]
    public void Parses_a_header_and_verifies_it_with_the_right_password_only()
    {
        var header = MeshToken.Create("X26ABC1", "password", "TestKey", "n-1", 7, MainTime).ToString();

        Assert.True(MeshToken.TryParse(header, out var token));
        Assert.Equal(("X26ABC1", "n-1", "7", "202405011230"), (token!.MailboxId, token.Nonce, token.NonceCount, token.Timestamp));
        Assert.Equal(MainTime, token.ParseTimestamp());
        Assert.True(token.Verify("TestKey", "password"));
        Assert.False(token.Verify("TestKey", "wrong"));
        Assert.False(token.Verify("OtherKey", "password"));
    }

    [Fact]
    public void Verifies_an_upper_case_hash_like_the_sandbox()
    {
        var token = MeshToken.Create("X26ABC1", "password", "TestKey", "n", 0, MainTime);

        Assert.True((token with { Hash = token.Hash.ToUpperInvariant() }).Verify("TestKey", "password"));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("X26ABC1:n:0:202405011230:abc")]
    [InlineData("NHSMESH X26ABC1:n:0:202405011230")]
    [InlineData("NHSMESH X26ABC1:n:x:202405011230:abc")]
    [InlineData("NHSMESH X26ABC1:n:0:2024050112:abc")]
    [InlineData("NHSMESH X26ABC1::0:202405011230:abc")]
    [InlineData("Bearer X26ABC1:n:0:202405011230:abc")]
    public void Rejects_malformed_headers(string? header)
    {
        Assert.False(MeshToken.TryParse(header, out var token));
        Assert.Null(token);
    }
}

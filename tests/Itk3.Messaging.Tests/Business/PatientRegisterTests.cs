using Itk3.Messaging.Business;
using Itk3.Messaging.Codes;

namespace Itk3.Messaging.Tests.Business;

public sealed class PatientRegisterTests
{
    private static readonly DateOnly Today = new(2026, 12, 2);

    private static readonly PatientRegister Register = PatientRegister.Parse("""
        # synthetic patients
        nhs_number,status,date
        9990000018,registered
        9990000026,not-known
        9990000034,left
        9990000042,deceased,2026-07-01
        999 000 0050,deceased,2026-05-01
        9990000069,deceased
        """);

    [Theory]
    [InlineData("9990000018", "30001")]
    [InlineData("9990000026", "30002")]
    [InlineData("9990000077", "30002")]
    [InlineData(null, "30002")]
    [InlineData("9990000019", "30002")]
    [InlineData("9990000034", "30003")]
    [InlineData("9990000042", "30004")]
    [InlineData("9990000050", "30003")]
    [InlineData("9990000069", "30003")]
    public void Each_status_maps_to_its_business_code(string? nhsNumber, string code) =>
        Assert.Equal(code, Register.Decide(nhsNumber, Today).Code);

    [Fact]
    public void The_six_month_boundary_is_inclusive() =>
        Assert.Equal("30004", new PatientRegister([new PatientRecord("9990000042", PatientStatus.Deceased, Today.AddMonths(-6))]).Decide("9990000042", Today).Code);

    [Theory]
    [InlineData("9990000018,married", "line 1")]
    [InlineData("1234567890,registered", "line 1")]
    [InlineData("\n9990000042,deceased,01/07/2026", "line 2")]
    public void A_malformed_line_is_refused_with_its_line_number_and_without_the_number(string text, string where)
    {
        var error = Assert.Throws<FormatException>(() => PatientRegister.Parse(text));
        Assert.StartsWith(where, error.Message);
        Assert.DoesNotContain("999000", error.Message);
    }

    [Theory]
    [InlineData("9434765919", true)]
    [InlineData("943 476 5919", true)]
    [InlineData("9434765918", false)]
    [InlineData("943476591", false)]
    [InlineData("943476591X", false)]
    [InlineData("9990000107", true)]
    public void NHS_numbers_are_checked_with_Modulus_11(string value, bool valid) => Assert.Equal(valid, NhsNumber.IsValid(value));
}

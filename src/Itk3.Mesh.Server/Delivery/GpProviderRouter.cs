using Itk3.Mesh.Server.Configuration;

namespace Itk3.Mesh.Server.Delivery;

/// <summary>
/// Resolves <c>GPPROVIDER_{NHS number}_{yyyyMMdd}_{surname}</c> through the configured patient table to the practice's
/// mailbox, as MESH does with PDS (MESH.md §11.2). Failures become EPL-150…154 REPORTs, never send errors.
/// </summary>
internal sealed class GpProviderRouter(MeshServerConfig config, WorkflowRegistry registry)
{
    public const string Prefix = "GPPROVIDER_";

    public static bool IsGpProviderAddress(string to) => to.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase);

    public bool IsRoutableWorkflow(string workflowId) =>
        (config.GpProviderWorkflows ?? MeshServerConfig.DefaultGpProviderWorkflows).Contains(workflowId, StringComparer.Ordinal);

    public RoutingResult Resolve(string address, string workflowId)
    {
        var parts = address[Prefix.Length..].Split('_', 3);
        if (parts.Length != 3 || !IsValidNhsNumber(parts[0]))
        {
            return RoutingResult.Fail("EPL-152", "Invalid NHS number");
        }

        var patient = config.GpProviders.FirstOrDefault(p => p.NhsNumber == parts[0]);
        if (patient is null)
        {
            return RoutingResult.Fail("EPL-153", "NHS number not found");
        }

        if (patient.DateOfBirth != parts[1] || !string.Equals(patient.Surname, parts[2], StringComparison.OrdinalIgnoreCase))
        {
            return RoutingResult.Fail("EPL-154", "Patient demographics do not match");
        }

        var candidates = config.Mailboxes
            .Where(m => string.Equals(m.OdsCode, patient.OdsCode, StringComparison.OrdinalIgnoreCase))
            .Where(m => !config.EnforceWorkflowRegistration || registry.CanReceive(m.Id, workflowId))
            .ToList();
        return candidates.Count switch
        {
            0 => RoutingResult.Fail("EPL-151", "No mailbox matched"),
            1 => RoutingResult.To(candidates[0].Id),
            _ => RoutingResult.Fail("EPL-150", "Multiple mailboxes matched"),
        };
    }

    /// <summary>Ten digits whose last is the modulus-11 check digit of the first nine.</summary>
    public static bool IsValidNhsNumber(string value)
    {
        if (value.Length != 10 || !value.All(char.IsAsciiDigit))
        {
            return false;
        }

        var sum = 0;
        for (var i = 0; i < 9; i++)
        {
            sum += (value[i] - '0') * (10 - i);
        }

        var check = 11 - (sum % 11);
        check = check == 11 ? 0 : check;
        return check != 10 && check == value[9] - '0';
    }
}

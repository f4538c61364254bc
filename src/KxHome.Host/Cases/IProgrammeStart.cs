using KxHome.Workflows.Core;
using KxHome.Workflows.Runtime;

namespace KxHome.Host.Cases;

/// <summary>
/// What a programme adds when an applicant starts one of its cases (<see cref="Programmes.StartAsync"/>): the business key
/// naming the record the case is about, variables it starts with, or a refusal (a <see cref="WorkflowException"/>).
/// </summary>
public interface IProgrammeStart
{
    /// <summary>The flow (process id) this applies to.</summary>
    string DefinitionKey { get; }

    Task<StartRequest> PrepareAsync(Viewer viewer, StartRequest request);
}

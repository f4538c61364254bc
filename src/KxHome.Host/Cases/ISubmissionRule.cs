using System.Text.Json.Nodes;
using KxHome.Workflows.Association;
using KxHome.Workflows.Runtime;

namespace KxHome.Host.Cases;

/// <summary>
/// A programme's own check of a step's form data, after the form's checks and before the step completes (e.g. the
/// filing deadline and the rule set's minimums of a certification application). Each problem names its field.
/// </summary>
public interface ISubmissionRule
{
    /// <summary>The form (a user task's <c>camunda:formKey</c>) this rule checks.</summary>
    string FormKey { get; }

    Task<IReadOnlyList<FieldProblem>> CheckAsync(UserTaskView task, InstanceView instance, JsonObject data);
}

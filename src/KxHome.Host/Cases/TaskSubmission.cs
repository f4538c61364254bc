using System.Text.Json.Nodes;
using KxHome.Host.Forms;
using KxHome.Workflows.Runtime;

namespace KxHome.Host.Cases;

/// <summary>
/// Completes a step with its form's data, for pages and the API alike: the form's own checks, then the programme's
/// (<see cref="ISubmissionRule"/>), and a file on the case for each document the form requires; a refusal changes nothing and says, per field, what is wrong.
/// </summary>
public sealed class TaskSubmission(WorkflowEngine engine, FormCatalog forms, IEnumerable<ISubmissionRule> rules, CaseFiles files)
{
    /// <summary>What a submission came to: the data kept and, when refused, the problems by field key ("" for the whole form).</summary>
    public sealed record Result(JsonObject Data, IReadOnlyDictionary<string, string> Errors, StepOutcome? Outcome)
    {
        public bool Done => Outcome is not null;
    }

    public async Task<Result> SubmitAsync(Viewer viewer, UserTaskView task, JsonObject? submitted, string? comment)
    {
        var form = forms.Find(task.FormKey);
        var data = submitted ?? new JsonObject();
        if (form is null)
        {
            // A step without a form gives a decision (approved) and may add facts, never rewrite what the case already
            // holds (the home it is about, what its tasks found).
            var held = (await engine.Queries.GetInstanceAsync(task.InstanceId)).Variables;
            foreach (var key in data.Select(p => p.Key).Where(k => k != "approved" && held.ContainsKey(k)).ToList()) data.Remove(key);
        }
        else
        {
            // The form's checks, then the programme's on what passed them: every problem is shown at once, one per field.
            var check = FormValidator.Check(form, submitted);
            data = check.Data;
            var errors = new Dictionary<string, string>(check.Errors);
            if (form.Documents.Count > 0)
            {
                var uploaded = await files.SlotsAsync(task.InstanceId);
                foreach (var document in form.Documents.Where(d => !uploaded.Contains(d.Key)))
                {
                    errors[FormSchema.DocumentField(document.Key)] = $"请上传：{document.Label}";
                }
            }
            var ruled = rules.Where(r => r.FormKey == form.Id).ToList();
            var instance = ruled.Count > 0 ? await engine.Queries.GetInstanceAsync(task.InstanceId) : null;
            foreach (var rule in ruled)
            {
                foreach (var problem in await rule.CheckAsync(task, instance!, data)) errors.TryAdd(problem.Field, problem.Message);
            }
            if (errors.Count > 0) return new Result(submitted ?? data, errors, null);
        }
        var variables = data.ToDictionary(p => p.Key, p => (object?)p.Value?.DeepClone());
        var outcome = await engine.CompleteTaskAsync(task.Id, viewer.UserId, variables, comment);
        return new Result(data, new Dictionary<string, string>(), outcome);
    }
}

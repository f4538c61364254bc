using KxHome.Workflows.Model;

namespace KxHome.Workflows.Execution.Behaviors;

/// <summary>An external service task waits on a job; after commit a worker runs the handler registered for its topic.</summary>
internal sealed class ServiceTaskBehavior : IFlowNodeBehavior
{
    public Outcome Execute(Step step, Token token, FlowNode node)
    {
        var task = (ServiceTaskNode)node;
        var jobId = Guid.CreateVersion7();
        step.NewJobs.Add(new NewJob(jobId, token.Id, node.Id, task.Topic));
        token.WaitKind = WaitKind.Job;
        token.WaitId = jobId;
        return Outcome.Wait;
    }
}

using KxHome.Workflows.Core;
using KxHome.Workflows.Model;

namespace KxHome.Workflows.Execution.Behaviors;

/// <summary>An external service task waits on a job; after commit a worker runs the handler registered for its topic.</summary>
internal sealed class ServiceTaskBehavior : IFlowNodeBehavior
{
    public Outcome Execute(Step step, Token token, FlowNode node) =>
        Outcome.WaitOn(new NewJob(Ids.TimeOrdered(step.Now), token.Id, node.Id, ((ServiceTaskNode)node).Topic));
}

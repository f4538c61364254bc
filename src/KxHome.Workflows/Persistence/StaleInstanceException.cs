namespace KxHome.Workflows.Persistence;

/// <summary>Another step changed the instance between this step's read and its write; the step runs again.</summary>
internal sealed class StaleInstanceException() : Exception("the instance changed while the step ran");

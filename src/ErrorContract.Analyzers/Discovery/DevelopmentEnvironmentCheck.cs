using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace ErrorContract.Analyzers.Discovery
{
    /// <summary>Whether code only runs in the Development environment.</summary>
    internal static class DevelopmentEnvironmentCheck
    {
        /// <summary>True when the operation only runs in the Development environment: inside <c>if (env.IsDevelopment())</c> or the else of <c>if (!env.IsDevelopment())</c>.</summary>
        public static bool IsInside(IOperation operation)
        {
            var child = operation;
            for (var parent = operation.Parent; parent != null; child = parent, parent = parent.Parent)
            {
                if (parent is IConditionalOperation conditional)
                {
                    var condition = conditional.Condition;
                    var negated = false;
                    while (condition is IUnaryOperation { OperatorKind: UnaryOperatorKind.Not } not)
                    {
                        negated = !negated;
                        condition = not.Operand;
                    }

                    if (IsDevelopmentCheck(condition))
                    {
                        var branch = negated ? conditional.WhenFalse : conditional.WhenTrue;
                        if (ReferenceEquals(branch, child))
                        {
                            return true;
                        }
                    }
                }
            }

            return false;
        }

        /// <summary><c>env.IsDevelopment()</c>, or a comparison with <c>"Development"</c>.</summary>
        private static bool IsDevelopmentCheck(IOperation condition)
        {
            if (condition is IInvocationOperation invocation)
            {
                return invocation.TargetMethod.Name == "IsDevelopment";
            }

            if (condition is IBinaryOperation { OperatorKind: BinaryOperatorKind.Equals } binary)
            {
                return IsDevelopmentName(binary.LeftOperand) || IsDevelopmentName(binary.RightOperand);
            }

            return false;
        }

        private static bool IsDevelopmentName(IOperation operand) =>
            operand.ConstantValue.HasValue && operand.ConstantValue.Value is string text && text == "Development";
    }
}

package jtorch;

import java.util.function.UnaryOperator;

/**
 * A module of {@link nn} that is a function of its input without state (the activations,
 * {@code Identity}), printed with the arguments it was made with ({@code extra_repr}, numbers as
 * given: {@code 2} or {@code 2.0}).
 */
abstract class ActivationImpl extends nn.Module {
    private final UnaryOperator<Tensor> function;
    private final String arguments;

    ActivationImpl(UnaryOperator<Tensor> function, String arguments) {
        this.function = function;
        this.arguments = arguments;
    }

    @Override
    public Tensor forward(Tensor input) {
        return function.apply(input);
    }

    @Override
    public String extraRepr() {
        return arguments;
    }

    /** Python's repr of a module argument: {@code 2} for an integer, {@code 2.0} for a float. */
    static String repr(Number value) {
        return OptimizerImpl.pythonRepr(value);
    }
}

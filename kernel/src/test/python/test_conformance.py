"""The official conformance suite (Debian's python3-jupyter-kernel-test) with Java samples for
every attribute it offers, run against the jtorch kernelspec installed into a private
JUPYTER_PATH from the kernel's own template."""
import unittest

import jtorch_kernelspec

jtorch_kernelspec.install()

import jupyter_kernel_test  # noqa: E402  (needs JUPYTER_PATH set first)


class JTorchKernelConformance(jupyter_kernel_test.KernelTests):
    kernel_name = jtorch_kernelspec.KERNEL_NAME
    language_name = "java"
    file_extension = ".java"

    code_hello_world = 'print("hello, world")'
    code_stderr = 'System.err.println("something went wrong");'

    completion_samples = [
        {"text": "torch.zeros", "matches": {"zeros(", "zerosLike("}},
        {"text": "\"hi\".toUpper", "matches": {"toUpperCase("}},
    ]
    complete_code_samples = [
        "1 + 1",
        "int a = 1;",
        "for (int i = 0; i < 3; i++) { print(i); }",
        "%whos",
        "?torch.zeros",
    ]
    incomplete_code_samples = ["for (int i = 0; i < 3; i++) {", "int b = 1 +", "class A {"]
    invalid_code_samples = ["int 9x = 1;", "1 +* 2", '"unterminated']

    code_page_something = "?torch.zeros"
    code_generate_error = 'throw new IllegalStateException("boom");'

    code_execute_result = [
        {"code": "1 + 1", "result": "2"},
        {"code": "6 * 7", "result": "42"},
        {"code": "torch.tensor(new double[]{1, 2})", "result": "tensor([1., 2.])"},
        {"code": "torch.ones(2, 2)", "mime": "text/html"},
        {"code": "torch.ones(2, 3).shape()", "result": "torch.Size([2, 3])"},
    ]
    code_history_pattern = "6 ? 7"
    supported_history_operations = ("tail", "range", "search")

    code_display_data = [
        {"code": "display(torch.ones(2))", "mime": "text/html"},
        {"code": 'display("hello")', "mime": "text/plain"},
    ]
    code_inspect_sample = "torch.zeros"
    code_clear_output = "clearOutput();"


if __name__ == "__main__":
    unittest.main()

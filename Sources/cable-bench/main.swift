// PLACEHOLDER: benchmarks are added by the parser and library work.
print("no benchmarks yet")

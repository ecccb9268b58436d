static int limit(void) { return 42; }

package apis

// sortRows: calls that put a slice in order.
var sortRows = []Row{
	{"sort", "", "Strings", Sort, 0, "sorts the slice in place"},
	{"sort", "", "Ints", Sort, 0, "sorts the slice in place"},
	{"sort", "", "Float64s", Sort, 0, "sorts the slice in place"},
	{"sort", "", "Sort", Sort, 0, "sorts the sort.Interface in place"},
	{"sort", "", "Stable", Sort, 0, "sorts the sort.Interface in place"},
	{"sort", "", "Slice", Sort, 0, "sorts the slice in place by less (a total order unless less has ties)"},
	{"sort", "", "SliceStable", Sort, 0, "sorts the slice in place, keeping the order of equal elements"},
	{"sort", "StringSlice", "Sort", Sort, Recv, "sorts the receiver in place"},
	{"sort", "IntSlice", "Sort", Sort, Recv, "sorts the receiver in place"},
	{"sort", "Float64Slice", "Sort", Sort, Recv, "sorts the receiver in place"},
	{"slices", "", "Sort", Sort, 0, "sorts the slice in place"},
	{"slices", "", "SortFunc", Sort, 0, "sorts the slice in place by cmp"},
	{"slices", "", "SortStableFunc", Sort, 0, "sorts the slice in place by cmp, keeping the order of equal elements"},
	{"container/heap", "", "Init", Sort, 0, "establishes the heap order; Pop then yields elements in order"},
	{"slices", "", "Sorted", Sorted, 0, "collects the sequence into a sorted slice"},
	{"slices", "", "SortedFunc", Sorted, 0, "collects the sequence into a slice sorted by cmp"},
	{"slices", "", "SortedStableFunc", Sorted, 0, "collects the sequence into a slice sorted by cmp"},
}

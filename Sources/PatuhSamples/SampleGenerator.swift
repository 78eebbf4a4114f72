/// Placeholder: the deterministic sample generator lives here.
public enum SampleGenerator {}

"""Calibration for rerun_cost.py: the empty page plus N plain one-line markdown elements (N from ?n=)."""

import streamlit as st

st.write("Hello")
for line in range(int(st.query_params.get("n", "0"))):
    st.markdown(f"Line {line}")

"""Optional adjustments to how Streamlit serves the app, applied by serve.py only. The app is the same without
them (`streamlit run app.py`); each one checks its target and warns instead of failing when Streamlit moves it."""

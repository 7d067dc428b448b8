"""Server side of the calculator apps: classes that Voilà (and jupyter_server under it) load by configuration.

- ``frames``: checks of binary kernel websocket frames, in time and memory linear in the frame's size;
- ``connection``: the kernel websocket connection that rejects malformed frames and keeps tracebacks on the server;
- ``capacity``: how many kernels this machine holds and how large the preheated pools are for a class;
- ``kernels``: the kernel manager that never starts more kernels than that;
- ``identity``: the class code (Voilà's token) and the "class is full" page for visitors above the limit.

Wired in ``voila.json`` (read by ``voila notebooks/apps`` from the repo root, see ``scripts/start.sh``).
"""

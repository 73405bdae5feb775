//! A TCP proxy between a test server and its PostgreSQL that a test can cut, as stopping
//! PostgreSQL would (every open connection closed, new ones refused), and restore.

use std::net::SocketAddr;
use std::sync::{Arc, Mutex};
use tokio::net::{TcpListener, TcpSocket, TcpStream};
use tokio::task::JoinSet;

/// The proxy: listens on `address`, forwards to the database while up.
pub struct DbProxy {
    pub address: SocketAddr,
    target: SocketAddr,
    /// The accept loop and every open connection's pipe; aborted to cut.
    tasks: Arc<Mutex<JoinSet<()>>>,
}

impl DbProxy {
    /// Starts forwarding from a free 127.0.0.1 port to `target`.
    pub async fn start(target: SocketAddr) -> Self {
        let listener = listen(SocketAddr::from(([127, 0, 0, 1], 0)));
        let proxy = Self {
            address: listener.local_addr().expect("the proxy's address"),
            target,
            tasks: Arc::default(),
        };
        proxy.serve(listener);
        proxy
    }

    /// Closes every open connection and refuses new ones (the port is no longer
    /// listened on), until [`restore`](Self::restore).
    pub fn cut(&self) {
        self.tasks.lock().unwrap().abort_all();
    }

    /// Listens and forwards again, on the same port.
    pub fn restore(&self) {
        self.serve(listen(self.address));
    }

    fn serve(&self, listener: TcpListener) {
        let target = self.target;
        let tasks = Arc::downgrade(&self.tasks);
        self.tasks.lock().unwrap().spawn(async move {
            while let Ok((client, _)) = listener.accept().await {
                let Some(tasks) = tasks.upgrade() else {
                    return;
                };
                tasks.lock().unwrap().spawn(pipe(client, target));
            }
        });
    }
}

impl Drop for DbProxy {
    fn drop(&mut self) {
        self.cut();
    }
}

/// Binds `address` (again, after a cut: `SO_REUSEADDR`).
fn listen(address: SocketAddr) -> TcpListener {
    let socket = TcpSocket::new_v4().expect("a socket");
    socket.set_reuseaddr(true).expect("SO_REUSEADDR");
    socket.bind(address).expect("the proxy binds its port");
    socket.listen(128).expect("the proxy listens")
}

/// Copies both ways between `client` and the database until either side closes.
async fn pipe(mut client: TcpStream, target: SocketAddr) {
    if let Ok(mut database) = TcpStream::connect(target).await {
        let _ = tokio::io::copy_bidirectional(&mut client, &mut database).await;
    }
}

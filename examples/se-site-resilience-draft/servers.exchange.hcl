# New York: seventeen Mailbox servers for the trading floors.

server "PW-NY01" {
  site    = "NYC"
  version = "SE"
  update  = "RTM Aug26SU"
  build   = "15.2.2562.46"
  roles   = ["mailbox"]
  os      = "2022"
  dotnet  = "4.8.1"
  network = "internal"
  tls     = ["1.2"]
}

server "PW-NY02" {
  site    = "NYC"
  version = "SE"
  update  = "RTM Aug26SU"
  build   = "15.2.2562.46"
  roles   = ["mailbox"]
  os      = "2022"
  dotnet  = "4.8.1"
  network = "internal"
  tls     = ["1.2"]
}

server "PW-NY03" {
  site    = "NYC"
  version = "SE"
  update  = "RTM Aug26SU"
  build   = "15.2.2562.46"
  roles   = ["mailbox"]
  os      = "2022"
  dotnet  = "4.8.1"
  network = "internal"
  tls     = ["1.2"]
}

server "PW-NY04" {
  site    = "NYC"
  version = "SE"
  update  = "RTM Aug26SU"
  build   = "15.2.2562.46"
  roles   = ["mailbox"]
  os      = "2022"
  dotnet  = "4.8.1"
  network = "internal"
  tls     = ["1.2"]
}

server "PW-NY05" {
  site    = "NYC"
  version = "SE"
  update  = "RTM Aug26SU"
  build   = "15.2.2562.46"
  roles   = ["mailbox"]
  os      = "2022"
  dotnet  = "4.8.1"
  network = "internal"
  tls     = ["1.2"]
}

server "PW-NY06" {
  site    = "NYC"
  version = "SE"
  update  = "RTM Aug26SU"
  build   = "15.2.2562.46"
  roles   = ["mailbox"]
  os      = "2022"
  dotnet  = "4.8.1"
  network = "internal"
  tls     = ["1.2"]
}

server "PW-NY07" {
  site    = "NYC"
  version = "SE"
  update  = "RTM Aug26SU"
  build   = "15.2.2562.46"
  roles   = ["mailbox"]
  os      = "2022"
  dotnet  = "4.8.1"
  network = "internal"
  tls     = ["1.2"]
}

server "PW-NY08" {
  site    = "NYC"
  version = "SE"
  update  = "RTM Aug26SU"
  build   = "15.2.2562.46"
  roles   = ["mailbox"]
  os      = "2022"
  dotnet  = "4.8.1"
  network = "internal"
  tls     = ["1.2"]
}

server "PW-NY09" {
  site    = "NYC"
  version = "SE"
  update  = "RTM Aug26SU"
  build   = "15.2.2562.46"
  roles   = ["mailbox"]
  os      = "2022"
  dotnet  = "4.8.1"
  network = "internal"
  tls     = ["1.2"]
}

server "PW-NY10" {
  site    = "NYC"
  version = "SE"
  update  = "RTM Aug26SU"
  build   = "15.2.2562.46"
  roles   = ["mailbox"]
  os      = "2022"
  dotnet  = "4.8.1"
  network = "internal"
  tls     = ["1.2"]
}

server "PW-NY11" {
  site    = "NYC"
  version = "SE"
  update  = "RTM Aug26SU"
  build   = "15.2.2562.46"
  roles   = ["mailbox"]
  os      = "2022"
  dotnet  = "4.8.1"
  network = "internal"
  tls     = ["1.2"]
}

server "PW-NY12" {
  site    = "NYC"
  version = "SE"
  update  = "RTM Aug26SU"
  build   = "15.2.2562.46"
  roles   = ["mailbox"]
  os      = "2022"
  dotnet  = "4.8.1"
  network = "internal"
  tls     = ["1.2"]
}

server "PW-NY13" {
  site    = "NYC"
  version = "SE"
  update  = "RTM Aug26SU"
  build   = "15.2.2562.46"
  roles   = ["mailbox"]
  os      = "2022"
  dotnet  = "4.8.1"
  network = "internal"
  tls     = ["1.2"]
}

server "PW-NY14" {
  site    = "NYC"
  version = "SE"
  update  = "RTM Aug26SU"
  build   = "15.2.2562.46"
  roles   = ["mailbox"]
  os      = "2022"
  dotnet  = "4.8.1"
  network = "internal"
  tls     = ["1.2"]
}

server "PW-NY15" {
  site    = "NYC"
  version = "SE"
  update  = "RTM Aug26SU"
  build   = "15.2.2562.46"
  roles   = ["mailbox"]
  os      = "2022"
  dotnet  = "4.8.1"
  network = "internal"
  tls     = ["1.2"]
}

server "PW-NY16" {
  site    = "NYC"
  version = "SE"
  update  = "RTM Aug26SU"
  build   = "15.2.2562.46"
  roles   = ["mailbox"]
  os      = "2022"
  dotnet  = "4.8.1"
  network = "internal"
  tls     = ["1.2"]
}

server "PW-NY17" {
  site    = "NYC"
  version = "SE"
  update  = "RTM Aug26SU"
  build   = "15.2.2562.46"
  roles   = ["mailbox"]
  os      = "2022"
  dotnet  = "4.8.1"
  network = "internal"
  tls     = ["1.2"]
}

# London: two Mailbox servers and the Edge Transport server for partner mail.

server "PW-LN01" {
  site    = "LON"
  version = "SE"
  update  = "RTM Aug26SU"
  build   = "15.2.2562.46"
  roles   = ["mailbox"]
  os      = "2022"
  dotnet  = "4.8.1"
  network = "internal"
  tls     = ["1.2"]
}

# Hardened build: only the newest protocol.
server "PW-LN02" {
  site    = "LON"
  version = "SE"
  update  = "RTM Aug26SU"
  build   = "15.2.2562.46"
  roles   = ["mailbox"]
  os      = "2022"
  dotnet  = "4.8.1"
  network = "internal"
  tls     = ["1.3"]
}

# TLS 1.0 and 1.1 kept on for a partner's old mail gateway.
server "PW-EDGE01" {
  site    = "LON"
  version = "SE"
  update  = "RTM Aug26SU"
  build   = "15.2.2562.46"
  roles   = ["edge_transport"]
  os      = "2022"
  dotnet  = "4.8.1"
  network = "perimeter"
  tls     = ["1.0", "1.1", "1.2"]
}
